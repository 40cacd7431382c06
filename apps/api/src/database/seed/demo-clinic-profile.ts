import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';
import sharp from 'sharp';

// A fictional practice; 555-01xx numbers are reserved for fiction.
export const DEMO_CLINIC_PROFILE = {
  practiceName: 'Casco Bay Dermatology',
  addressLine1: '120 Exchange Street',
  addressLine2: 'Suite 300',
  city: 'Portland',
  state: 'ME',
  postalCode: '04101',
  phone: '(207) 555-0140',
  fax: '(207) 555-0141',
  groupNpi: '1417293382',
  taxId: '01-2345678',
};

/** A plain mark (a wave under a sun), drawn without text so no font is needed to render it. */
async function renderDemoLogo(): Promise<{ png: Buffer; width: number; height: number }> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="120">
    <rect width="360" height="120" fill="#ffffff"/>
    <circle cx="60" cy="52" r="26" fill="#e8a33d"/>
    <path d="M10 92 C 40 70, 70 70, 100 92 S 160 114, 190 92 S 250 70, 280 92 S 330 114, 350 92" fill="none" stroke="#1f5f8b" stroke-width="10" stroke-linecap="round"/>
    <rect x="130" y="30" width="210" height="12" rx="6" fill="#1f5f8b"/>
    <rect x="130" y="52" width="150" height="8" rx="4" fill="#6b9dc0"/></svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .png({ compressionLevel: 9 })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

/** The demo clinic's letterhead, as an admin would save it on the settings page. */
export async function seedDemoClinicProfile(client: ClientBase, adminId: string | null): Promise<void> {
  const logo = await renderDemoLogo();
  await client.query(
    `INSERT INTO clinic_profile (id, practice_name, address_line1, address_line2, city, state, postal_code, phone, fax, group_npi, tax_id,
       logo, logo_sha256, logo_width, logo_height, logo_updated_at, updated_by)
     VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now(), $15)
     ON CONFLICT (id) DO NOTHING`,
    [
      DEMO_CLINIC_PROFILE.practiceName,
      DEMO_CLINIC_PROFILE.addressLine1,
      DEMO_CLINIC_PROFILE.addressLine2,
      DEMO_CLINIC_PROFILE.city,
      DEMO_CLINIC_PROFILE.state,
      DEMO_CLINIC_PROFILE.postalCode,
      DEMO_CLINIC_PROFILE.phone,
      DEMO_CLINIC_PROFILE.fax,
      DEMO_CLINIC_PROFILE.groupNpi,
      DEMO_CLINIC_PROFILE.taxId,
      logo.png,
      createHash('sha256').update(logo.png).digest('hex'),
      logo.width,
      logo.height,
      adminId,
    ],
  );
}
