// An operator for dashboard specs, created as an install's first one is: the CLI against the app's database, the
// password from the environment (never on the command line).
import { expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { cli } from '../../tests/setup/app-server';
import { DashboardPage } from '../pages/dashboard-page';
import { app } from './app';

export interface OperatorLogin {
  email: string;
  password: string;
}

export function createOperator(prefix = 'ops'): OperatorLogin {
  const login = { email: `${prefix}-${randomBytes(3).toString('hex')}@example.com`, password: `e2e-${randomBytes(12).toString('base64url')}` };
  const previous = process.env.OPERATOR_PASSWORD;
  process.env.OPERATOR_PASSWORD = login.password;
  try {
    expect(cli(app.databaseUrl(), ['operators', 'create', '--email', login.email])).toContain(login.email);
  } finally {
    if (previous === undefined) delete process.env.OPERATOR_PASSWORD;
    else process.env.OPERATOR_PASSWORD = previous;
  }
  return login;
}

export async function signedIn(page: Page, login: OperatorLogin): Promise<DashboardPage> {
  const dashboard = new DashboardPage(page);
  await dashboard.gotoSignIn();
  await dashboard.signIn(login.email, login.password);
  await expect(dashboard.heading('Organizations')).toBeVisible();
  return dashboard;
}
