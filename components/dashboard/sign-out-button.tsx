'use client';
// next-auth's sign-out (POST with its CSRF token), then back to the sign-in page.
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '../ui/button';

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      loading={busy}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: '/dashboard/signin' });
      }}
    >
      Sign out
    </Button>
  );
}
