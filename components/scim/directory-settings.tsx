'use client';
// A directory's name (two Okta directories need telling apart) and its deletion, which removes every user and
// group it synced: the admin types the directory's name to confirm, and the server checks it again.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { PortalDirectory } from '@/lib/client/types';
import { useDeleteDirectory, useRenameDirectory } from '@/lib/client/use-directories';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Input, Label } from '../ui/field';

export function DirectorySettings({ directory }: { directory: PortalDirectory }) {
  const rename = useRenameDirectory(directory.id);
  const remove = useDeleteDirectory(directory.id);
  const router = useRouter();
  const [name, setName] = useState(directory.name);
  const [typed, setTyped] = useState('');
  const [deleting, setDeleting] = useState(false);
  return (
    <Card labelledBy="settings-title">
      <CardHeader id="settings-title" title="Directory settings" />
      <CardBody className="space-y-6">
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) rename.mutate(name.trim());
          }}
        >
          <div className="min-w-0 flex-1 sm:max-w-sm">
            <Label htmlFor="directory-name">Directory name</Label>
            <Input id="directory-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          </div>
          <Button type="submit" variant="secondary" disabled={!name.trim() || name.trim() === directory.name} loading={rename.isPending}>
            Rename
          </Button>
          {rename.isSuccess && name.trim() === directory.name ? (
            <p className="text-sm text-emerald-800" role="status">
              Renamed.
            </p>
          ) : null}
          {rename.isError ? <Alert tone="danger">{rename.error.message}</Alert> : null}
        </form>
        <div className="rounded-md border border-red-200 p-4">
          <h3 className="text-sm font-semibold text-red-900">Delete this directory</h3>
          <p className="mt-1 text-sm text-slate-700">
            Removes its users, groups, role mappings, tokens and request log. Your identity provider&apos;s requests fail from then on.
          </p>
          {deleting ? (
            <form
              className="mt-3 flex flex-wrap items-end gap-3"
              onSubmit={(e) => {
                e.preventDefault();
                remove.mutate(typed, { onSuccess: () => router.push('/portal/scim') });
              }}
            >
              <div className="min-w-0 flex-1 sm:max-w-sm">
                <Label htmlFor="delete-confirm">Type “{directory.name}” to confirm</Label>
                <Input id="delete-confirm" value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
              </div>
              <Button type="submit" variant="danger" disabled={typed.trim() !== directory.name.trim()} loading={remove.isPending}>
                Delete directory
              </Button>
              <Button variant="ghost" onClick={() => setDeleting(false)}>
                Cancel
              </Button>
              {remove.isError ? <Alert tone="danger">{remove.error.message}</Alert> : null}
            </form>
          ) : (
            <Button variant="secondary" className="mt-3" onClick={() => setDeleting(true)}>
              Delete…
            </Button>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
