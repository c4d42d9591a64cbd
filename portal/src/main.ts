// Starts the portal: who is signed in, then the Vue shell (shell/App.vue) with the router and its pages.
import './style.css';
import './shell/elementPlus';
import { createApp } from 'vue';
import { defaultPageFor } from './routes';
import App from './shell/App.vue';
import { createPortalRouter } from './shell/router';
import { session, startSession } from './shell/session';

startSession().then(() => {
  const app = createApp(App);
  // only a signed-in person has addresses; the login screen and a failed start have none
  if (session.state === 'ready') app.use(createPortalRouter(() => defaultPageFor(session.me!.roles)));
  app.mount('#portal');
});
