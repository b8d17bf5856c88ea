// The IdPs a directory can be configured for (CONTRACT.md), with the names the portal shows.
export const PROVIDERS = ['okta', 'entra', 'onelogin', 'jumpcloud', 'pingidentity', 'generic'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const PROVIDER_NAMES: Record<Provider, string> = {
  okta: 'Okta',
  entra: 'Microsoft Entra ID',
  onelogin: 'OneLogin',
  jumpcloud: 'JumpCloud',
  pingidentity: 'PingIdentity',
  generic: 'Custom SCIM',
};
