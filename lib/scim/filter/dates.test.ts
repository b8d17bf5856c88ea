import { describe, it, expect } from 'vitest';
import { parseScimDate } from './dates';

describe('parseScimDate', () => {
  it.each([
    ['2011-05-13T04:42:34Z', '2011-05-13T04:42:34.000Z'],
    ['2015-10-10T14:38:21.8617979-07:00', '2015-10-10T21:38:21.861Z'], // .NET 7-digit fraction (Microsoft suite)
    ['0001-01-03T00:00:00.0000000Z', '0001-01-03T00:00:00.000Z'], // Entra's watermark: year 1, not 1901
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2024-05-01T10:00:00+0530', '2024-05-01T04:30:00.000Z'],
    ['2024-05-01T10:00', '2024-05-01T10:00:00.000Z'],
    ['2024-05-01t10:00:00z', '2024-05-01T10:00:00.000Z'],
  ])('%s', (input, iso) => {
    expect(new Date(parseScimDate(input)!).toISOString()).toBe(iso);
  });

  it.each(['', 'yesterday', '2011-13-01', '2023-02-29', '2024-04-31', '2024-05-01T24:00:00Z', '1700000000', '2024-5-1', 'bob@example.com'])(
    'rejects %j',
    (input) => {
      expect(parseScimDate(input)).toBeNull();
    },
  );
});
