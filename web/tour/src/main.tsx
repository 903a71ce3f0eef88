import { render } from 'preact';
import { App } from './app.js';
import './style.css';

const root = document.getElementById('app')!;
// The boot line is plain HTML, not Preact's: clear it before the first render.
root.textContent = '';
render(<App />, root);
