/** `npm run bench`: every benchmark of the project (printed figures). */
import './bundle-size.bench';
import './core.bench';
import './health-page.bench';
