'use client';
// A search box for a table header: a visually hidden label, a search input, and a width that fits narrow iframes.
import { Input } from './field';

export function SearchField({
  id,
  label,
  placeholder,
  value,
  onChange,
  className = 'w-full sm:w-64',
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Input id={id} type="search" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
