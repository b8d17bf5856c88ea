'use client';
// Enable/disable a directory. Disabling stops provisioning (the SCIM endpoint answers 403 and nothing changes), so
// it asks first; enabling is immediate. The host page hears directory.enabled / directory.disabled.
import { useState } from 'react';
import { postToHost } from '@/lib/client/host-messages';
import { useSetDirectoryStatus } from '@/lib/client/use-directories';
import { Button } from '../ui/button';
import { cx } from '../ui/cx';

export function StatusSwitch({ directoryId, status }: { directoryId: string; status: 'enabled' | 'disabled' }) {
  const set = useSetDirectoryStatus(directoryId);
  const [confirming, setConfirming] = useState(false);
  const on = status === 'enabled';
  const apply = (next: 'enabled' | 'disabled') => {
    setConfirming(false);
    set.mutate(next, { onSuccess: (d) => postToHost({ type: d.status === 'enabled' ? 'directory.enabled' : 'directory.disabled', directoryId }) });
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label="Directory enabled"
        onClick={() => (on ? setConfirming(true) : apply('enabled'))}
        disabled={set.isPending || confirming}
        className={cx(
          'relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition focus-ring disabled:opacity-60',
          on ? 'bg-accent' : 'bg-slate-400',
        )}
      >
        <span aria-hidden="true" className={cx('inline-block size-5 rounded-full bg-white shadow transition', on ? 'translate-x-5' : 'translate-x-0.5')} />
      </button>
      <span className="text-sm text-slate-700" aria-hidden="true">
        {on ? 'Enabled' : 'Disabled'}
      </span>
      {confirming ? (
        <div
          role="alertdialog"
          aria-labelledby={`disable-${directoryId}`}
          className="flex w-full flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 sm:w-auto"
        >
          <p id={`disable-${directoryId}`} className="text-sm text-amber-950">
            Stop provisioning? Your identity provider&apos;s requests will be refused until you enable it again.
          </p>
          <Button size="sm" variant="danger" onClick={() => apply('disabled')} autoFocus>
            Disable directory
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Keep enabled
          </Button>
        </div>
      ) : null}
      {set.isError ? (
        <span role="alert" className="text-sm text-red-700">
          {set.error.message}
        </span>
      ) : null}
    </div>
  );
}
