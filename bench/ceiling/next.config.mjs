// The benchmark's ceiling app (bench/lib/ceiling.ts): one route that does nothing, built and served on its own.
export default {};
