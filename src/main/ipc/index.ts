// The bridge handlers' public face: the composition root imports them from here.
export { createDispatcher } from './dispatch'
export { createHandlers, type HandlerServices } from './handlers'
