// Applied in this order; `npm run migration:generate -- Name` appends here.
import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Users1764000000100 } from './1764000000100-Users';
import { CaseWorkflow1764000000200 } from './1764000000200-CaseWorkflow';

export const migrations = [Foundation1764000000000, Users1764000000100, CaseWorkflow1764000000200];
