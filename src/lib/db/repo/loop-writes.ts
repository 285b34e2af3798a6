/** The writes of the due list, in one chunk loaded with the first tap. */
export { deleteEntry } from './entries';
export { addPayment, deletePayment } from './payments';
export { receiveDue } from './receive';
export { skipOccurrence, unskipOccurrence } from './skips';
