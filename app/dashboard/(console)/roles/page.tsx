// GET /dashboard/roles: the host's roles; create, edit or delete one.
import type { Metadata } from 'next';
import { PageHeader } from '@/components/dashboard/dashboard-shell';
import { RoleCreateForm } from '@/components/dashboard/role-create-form';
import { RolesTable } from '@/components/dashboard/roles-table';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { requireOperator } from '@/lib/operators/session';
import { rolesOfHost } from '@/lib/roles/roles';
import { createRoleAction, deleteRoleAction, updateRoleAction } from '../../_actions/role-actions';

export const metadata: Metadata = { title: 'Roles' };

export default async function RolesPage() {
  const operator = await requireOperator();
  const roles = await rolesOfHost(operator.hostId);
  return (
    <>
      <PageHeader
        title="Roles"
        description="The roles your app understands. Organizations map their IdP groups to these in the portal's Roles tab. A role's key never changes; deleting a role takes it away from everyone who has it."
      />
      <Card className="mb-6" labelledBy="new-role-title">
        <CardHeader id="new-role-title" title="Create role" />
        <CardBody>
          <RoleCreateForm action={createRoleAction} />
        </CardBody>
      </Card>
      <Card labelledBy="roles-title">
        <CardHeader id="roles-title" title="All roles" />
        <RolesTable
          roles={roles.map((r) => ({ id: r.id, key: r.key, name: r.name, description: r.description, createdAt: r.createdAt.toISOString() }))}
          update={updateRoleAction}
          remove={deleteRoleAction}
        />
      </Card>
    </>
  );
}
