import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { prefetchResults } from './features/results/useResults.js';
import { prefetchFor } from './features/results/views.js';
import './style.css';

// Ask for the page's data while its code is still loading: the ranking board and the unit page have small reads of
// their own; the other results pages still read the whole tally.
const onResults = /^\/console\/campaigns\/([^/]+)\/(results|distributions|sessions|what-if)/.exec(location.pathname);
if (!prefetchFor(location) && onResults?.[1]) prefetchResults(decodeURIComponent(onResults[1]));
// …and the page's own code, in parallel with the login check instead of after it (same chunks as routes.tsx's lazy()).
if (/\/results\/[^/]+\/units\//.test(location.pathname)) void import('./features/results/UnitPage.js');
else if (onResults?.[2] === 'results') void import('./features/results/ResultsPage.js');

createRoot(document.getElementById('root')!).render(<App />);
