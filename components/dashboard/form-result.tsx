// The inline outcome of a dashboard form: errors are announced at once (Alert role=alert).
import { Alert } from '../ui/alert';

export function FormError({ result }: { result: { ok: boolean; error?: string } | null }) {
  if (!result || result.ok || !result.error) return null;
  return <Alert tone="danger">{result.error}</Alert>;
}

/** The error of a one-click action (a button beside a row), announced at once. */
export function InlineError({ message }: { message: string | null }) {
  return message ? (
    <span role="alert" className="text-sm text-red-800">
      {message}
    </span>
  ) : null;
}
