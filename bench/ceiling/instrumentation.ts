// The ceiling app starts nothing (without this file Next would take the portal's, at the workspace root).
export function register(): void {}
