import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { prefetchResults } from './features/results/useResults.js';
import './style.css';

// Ask for the results while the page's code is still loading: on a province they are the largest download.
const onResults = /^\/console\/campaigns\/([^/]+)\/(results|distributions|sessions|what-if)/.exec(location.pathname);
if (onResults?.[1]) prefetchResults(decodeURIComponent(onResults[1]));
// …and the page's own code, in parallel with the login check instead of after it (same chunks as routes.tsx's lazy()).
if (/\/results\/[^/]+\/units\//.test(location.pathname)) void import('./features/results/UnitPage.js');
else if (onResults?.[2] === 'results') void import('./features/results/ResultsPage.js');

createRoot(document.getElementById('root')!).render(<App />);
