/**
 * The app itself, loaded by main.tsx once the page's reads are on their way. Before the first render it waits for the
 * login check and the first page's code (both started by main.tsx, usually here already), so that first render is the
 * page itself — not a spinner, then a suspended page, then the page.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { takeLoginCheck } from './auth/early.js';
import { preloadPage } from './routes.js';
import 'antd/dist/antd.css';
import './style.css';

const [me] = await Promise.all([takeLoginCheck(), preloadPage(location.pathname)]);
createRoot(document.getElementById('root')!).render(<App me={me} />);
