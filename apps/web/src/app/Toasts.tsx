// A module of its own so that the bundler puts the toast container, and its styles, in a chunk of
// its own, loaded with the first toast.
import '@mantine/notifications/styles.css';
export { Notifications } from '@mantine/notifications';
