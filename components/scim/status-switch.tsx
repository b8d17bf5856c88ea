'use client';
// Enable/disable a directory. While disabled the SCIM endpoint answers 403 and nothing changes; the host page hears
// directory.enabled / directory.disabled.
import { postToHost } from '@/lib/client/host-messages';
import { useSetDirectoryStatus } from '@/lib/client/use-directories';
import { cx } from '../ui/cx';

export function StatusSwitch({ directoryId, status }: { directoryId: string; status: 'enabled' | 'disabled' }) {
  const set = useSetDirectoryStatus(directoryId);
  const on = status === 'enabled';
  const toggle = () =>
    set.mutate(on ? 'disabled' : 'enabled', {
      onSuccess: (d) => postToHost({ type: d.status === 'enabled' ? 'directory.enabled' : 'directory.disabled', directoryId }),
    });
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label="Directory enabled"
        onClick={toggle}
        disabled={set.isPending}
        className={cx('relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition focus-ring disabled:opacity-60', on ? 'bg-accent' : 'bg-slate-400')}
      >
        <span aria-hidden="true" className={cx('inline-block size-5 rounded-full bg-white shadow transition', on ? 'translate-x-5' : 'translate-x-0.5')} />
      </button>
      <span className="text-sm text-slate-700" aria-hidden="true">
        {on ? 'Enabled' : 'Disabled'}
      </span>
      {set.isError ? (
        <span role="alert" className="text-sm text-red-700">
          {set.error.message}
        </span>
      ) : null}
    </div>
  );
}
