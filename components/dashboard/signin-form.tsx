'use client';
// Operator sign-in through next-auth's credentials endpoint (it checks its own CSRF token). Errors stay on this
// page, next to the form, instead of next-auth's default error page.
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Input, Label } from '../ui/field';

const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'Incorrect email or password.',
  TooManyAttempts: 'Too many failed sign-ins from your network. Wait a moment and try again; each further failure makes the wait longer.',
  SessionRequired: 'Sign in to continue.',
};

function errorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? 'Sign-in failed. Try again.';
}

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const id = useId();
  const router = useRouter();
  const [error, setError] = useState<string | null>(errorMessage(initialError));
  const [pending, setPending] = useState(false);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const r = await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false, callbackUrl });
      if (r?.ok && !r.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      setError(errorMessage(r?.error ?? 'unknown'));
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    }
    setPending(false);
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} aria-label="Sign in" className="space-y-4">
      {error ? (
        <div>
          <Alert tone="danger">{error}</Alert>
        </div>
      ) : null}
      <div>
        <Label htmlFor={`${id}-email`}>Email</Label>
        <Input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          className="mt-1"
          aria-invalid={error ? true : undefined}
        />
      </div>
      <div>
        <Label htmlFor={`${id}-password`}>Password</Label>
        <Input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1"
          aria-invalid={error ? true : undefined}
        />
      </div>
      <Button type="submit" loading={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
