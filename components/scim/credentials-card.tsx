'use client';
// The two values the IdP needs. The Bearer Token's plaintext is shown once (right after Configure or Generate) and
// never again; afterwards the card says so and offers a new one.
import { useState } from 'react';
import { revealToken, useRevealedToken } from '@/lib/client/revealed-token';
import { useMintToken } from '@/lib/client/use-tokens';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { CopyField } from '../ui/copy-field';

export function CredentialsCard({ directoryId, endpoint }: { directoryId: string; endpoint: string }) {
  const token = useRevealedToken(directoryId);
  const mint = useMintToken(directoryId);
  const [confirming, setConfirming] = useState(false);
  const generate = () => {
    setConfirming(false);
    mint.mutate(undefined, { onSuccess: (t) => revealToken(directoryId, t.token) });
  };
  return (
    <Card labelledBy="creds-title">
      <CardHeader id="creds-title" title="SCIM credentials" description="Paste these two values into your identity provider's provisioning settings." />
      <CardBody className="space-y-4">
        <CopyField label="Endpoint URL" value={endpoint} />
        {token ? (
          <>
            <CopyField label="Bearer Token" value={token} />
            <Alert tone="warning" title="Copy this token now: it is shown only once">
              <p>We store only a fingerprint of it. If you lose it, generate a new token; the old one keeps working until you revoke it.</p>
              <Button variant="secondary" size="sm" className="mt-2" onClick={() => revealToken(directoryId, null)}>
                I have copied the token
              </Button>
            </Alert>
          </>
        ) : (
          <div>
            <p className="text-sm font-medium text-slate-800">Bearer Token</p>
            <p className="mt-1 text-sm text-slate-600">Hidden. Tokens are shown only once, when they are created.</p>
          </div>
        )}
        {mint.isError ? <Alert tone="danger">{mint.error.message}</Alert> : null}
        <div className="flex flex-wrap items-center gap-2">
          {confirming ? (
            <>
              <Button size="sm" onClick={generate} loading={mint.isPending}>
                Generate token
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <span className="text-sm text-slate-600">Existing tokens keep working until you revoke them.</span>
            </>
          ) : (
            <Button size="sm" variant="secondary" onClick={() => setConfirming(true)} loading={mint.isPending}>
              Generate new token
            </Button>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
