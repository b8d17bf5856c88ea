// The inline outcome of a dashboard form: errors are announced at once (Alert role=alert).
import { Alert } from '../ui/alert';

export function FormError({ result }: { result: { ok: boolean; error?: string } | null }) {
  if (!result || result.ok || !result.error) return null;
  return <Alert tone="danger">{result.error}</Alert>;
}
