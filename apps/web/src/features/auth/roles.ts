import { mayWriteClinicalFindings as rolesMayWriteClinicalFindings, type Role } from '@preauth/domain';

export const CLINIC_ROLES: readonly Role[] = ['front_desk', 'physician', 'manager'];

export function hasRole(roles: readonly Role[] | undefined, ...wanted: Role[]): boolean {
  return !!roles && wanted.some((role) => roles.includes(role));
}

export function worksCases(roles: readonly Role[] | undefined): boolean {
  return hasRole(roles, ...CLINIC_ROLES);
}

// The API answers 403 to anyone else who sends clinical findings.
export function mayWriteClinicalFindings(roles: readonly Role[] | undefined): boolean {
  return !!roles && rolesMayWriteClinicalFindings(roles);
}

// Payers, physicians, deadline rules and the audit trail (the API's MANAGEMENT routes).
export function managesClinicData(roles: readonly Role[] | undefined): boolean {
  return hasRole(roles, 'manager', 'admin');
}

export function homePathFor(roles: readonly Role[]): string {
  if (roles.includes('manager')) return '/reports';
  if (roles.includes('physician')) return '/my-cases';
  if (roles.includes('front_desk')) return '/worklist';
  return '/account';
}
