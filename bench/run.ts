/** `npm run bench`: every benchmark of the project (printed figures). */
import './core.bench';
import './health-page.bench';
