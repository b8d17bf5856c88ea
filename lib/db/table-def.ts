// The shape of the generated column table (lib/db/schema.ts).
export type ColumnKind = 'text' | 'int' | 'bigint' | 'float' | 'boolean' | 'dateTime';

/** `now` / `updatedAt`: the database clock at write time; `autoincrement`: left to the database; else a literal. */
type ColumnDefault = 'now' | 'updatedAt' | 'autoincrement' | { value: string | number | boolean };

export interface ColumnDef {
  kind: ColumnKind;
  nullable: boolean;
  default?: ColumnDefault;
}

export interface TableDef {
  name: string;
  columns: Record<string, ColumnDef>;
}
