export { parsePdf, type ParsedPdf } from '../../../../tools/pdf/parse-pdf';
