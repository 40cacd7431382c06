// Anchors the readiness checklist links to (ReadinessItem.field → section id); apart from the form
// so the case page can lead there before the form's code has loaded.
export function sectionId(field: string): string {
  return `case-section-${field}`;
}
