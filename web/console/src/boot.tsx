/** The app itself, loaded by main.tsx once the page's reads are on their way. */
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './style.css';

createRoot(document.getElementById('root')!).render(<App />);
