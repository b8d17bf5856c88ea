// Errors of the domain services, shared by SCIM, the host API and the portal; each boundary maps them to its own
// vocabulary (ScimError, ApiError).
// refused: the organization's provisioning policy turned the change down (lib/policy).
export type DomainErrorCode = 'not_found' | 'conflict' | 'precondition_failed' | 'invalid' | 'refused';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
