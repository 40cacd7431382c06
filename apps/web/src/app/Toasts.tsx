// A module of its own so that the bundler puts the toast container in a chunk of its own.
export { Notifications } from '@mantine/notifications';
