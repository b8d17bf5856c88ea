// The options of `npm run bench`: the defaults of a full run and of --quick, and the inputs refused.
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args';

const parse = (...argv: string[]) => parseBenchArgs(argv, '/tmp/out.json');

describe('parseBenchArgs', () => {
  it('runs both databases at 1,000 and 100,000 users, three rounds of 2 s, the webhooks at the large size', () => {
    expect(parse()).toMatchObject({
      dbs: ['sqlite', 'postgres'],
      usersSmall: 1000,
      usersLarge: 100_000,
      rounds: 3,
      seconds: 2,
      webhooks: 'large',
      peer: true,
      peerPort: 4100,
    });
  });

  it('keeps --quick to one small size and short slices, and lets the flags still choose', () => {
    expect(parse('--quick')).toMatchObject({ quick: true, usersSmall: 500, usersLarge: 500, seconds: 0.25, rounds: 3 });
    expect(parse('--quick', '--db', 'postgres', '--seconds', '1')).toMatchObject({ dbs: ['postgres'], seconds: 1 });
  });

  it('drops the import with --no-import and the peer with --no-peer', () => {
    expect(parse('--no-import', '--no-peer')).toMatchObject({ import: null, peer: false });
  });

  it('runs with every provisioning policy on and every workload unless told (--no-policies, --workloads)', () => {
    expect(parse()).toMatchObject({ policies: true, workloads: null });
    expect(parse('--no-policies', '--workloads', 'post-user, get-user')).toMatchObject({ policies: false, workloads: ['post-user', 'get-user'] });
  });

  it.each([
    [['--db', 'mysql'], /--db must be/],
    [['--rounds', '0'], /--rounds must be a positive integer/],
    [['--seconds', '0'], /--seconds must be a positive number/],
    [['--users-small', '50'], /at least 100/],
    [['--users-small', '5000', '--users-large', '1000'], /--users-large must be at least/],
    [['--import-groups', '50', '--import-members', '10'], /at least --import-groups/],
    [['--webhooks', 'some'], /--webhooks must be/],
    [['--duration', '8'], /Unknown option/],
  ])('refuses %j', (argv, message) => {
    expect(() => parse(...argv)).toThrow(message);
  });
});
