// A valid clinic profile body (the group NPI has a valid check digit): the demo clinic's.
export { DEMO_CLINIC_PROFILE as TEST_CLINIC_PROFILE } from '../../src/database/seed/demo-clinic-profile';
