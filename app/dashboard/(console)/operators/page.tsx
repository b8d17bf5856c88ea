// GET /dashboard/operators: the host's operators; add a colleague, remove one (their sessions end at once).
import type { Metadata } from 'next';
import { PageHeader } from '@/components/dashboard/dashboard-shell';
import { OperatorCreateForm } from '@/components/dashboard/operator-create-form';
import { OperatorsTable } from '@/components/dashboard/operators-table';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { listOperators } from '@/lib/operators/operator-admin';
import { requireOperator } from '@/lib/operators/session';
import { createOperatorAction, removeOperatorAction } from '../../_actions/operator-actions';

export const metadata: Metadata = { title: 'Operators' };

export default async function OperatorsPage() {
  const operator = await requireOperator();
  const operators = await listOperators(operator.hostId);
  return (
    <>
      <PageHeader title="Operators" description="Your colleagues who can sign in to this dashboard. Removing one signs them out everywhere at once." />
      <Card className="mb-6" labelledBy="new-operator-title">
        <CardHeader id="new-operator-title" title="Add an operator" />
        <CardBody>
          <OperatorCreateForm action={createOperatorAction} />
        </CardBody>
      </Card>
      <Card labelledBy="operators-title">
        <CardHeader id="operators-title" title="All operators" />
        <OperatorsTable operators={operators} selfId={operator.id} remove={removeOperatorAction} />
      </Card>
    </>
  );
}
