import { RuleRefusedError } from '../../common/app-errors';
import type { Role } from '@preauth/domain';
import { assertMaySignLetters, assertMayWriteClinicalFindings, mayReadAuditLog } from './field-rules';

const as = (...roles: Role[]) => ({ roles });

describe('field rules', () => {
  it('keeps front desk from writing clinical findings', () => {
    expect(() => assertMayWriteClinicalFindings(as('front_desk'))).toThrow(RuleRefusedError);
    expect(() => assertMayWriteClinicalFindings(as('front_desk'), { symptoms: 'itching' })).toThrow(
      /physician or a manager.*symptoms/,
    );
    expect(() => assertMayWriteClinicalFindings(as('admin'), { necessityCriteria: ['x'] })).toThrow(RuleRefusedError);
  });

  it('lets front desk write the rest of a case', () => {
    expect(() =>
      assertMayWriteClinicalFindings(as('front_desk'), { payerReference: 'X1', symptoms: undefined }),
    ).not.toThrow();
  });

  it('lets physicians, managers and anyone holding one of those roles write them', () => {
    for (const roles of [['physician'], ['manager'], ['front_desk', 'physician']] as Role[][]) {
      expect(() => assertMayWriteClinicalFindings({ roles }, { symptoms: 'itching' })).not.toThrow();
    }
  });

  it('lets only physicians sign letters', () => {
    expect(() => assertMaySignLetters(as('physician'))).not.toThrow();
    for (const role of ['front_desk', 'manager', 'admin'] as Role[])
      expect(() => assertMaySignLetters(as(role))).toThrow(/Only a physician/);
  });

  it('shows the audit log to managers and admins only', () => {
    expect(mayReadAuditLog(as('manager'))).toBe(true);
    expect(mayReadAuditLog(as('admin'))).toBe(true);
    expect(mayReadAuditLog(as('front_desk', 'physician'))).toBe(false);
  });
});
