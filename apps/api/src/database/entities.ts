import { User } from '../modules/users/user.entity';

// Every TypeORM entity of the API; the data source, the migration check and the generator read this list.
export const entities: Function[] = [User];
