import { m } from '../../paraglide/messages.js';
import { registerErrorTexts } from '../../lib/i18n/error-text';

// The search's own error codes (domain/search.ts), registered where the search is shown.
registerErrorTexts({
  'search/inverted-amounts': () => m.err_search_inverted_amounts(),
  'search/inverted-dates': () => m.err_search_inverted_dates(),
  'search/amount-currency': () => m.err_search_amount_currency(),
});
