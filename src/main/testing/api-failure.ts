/**
 * For the API client's tests: awaits a call that must fail, and checks that it
 * failed with an `ApiError` whose message and details never carry the key.
 */
import { expect } from 'vitest'
import { ApiError } from '../ports/inbox-api'

export async function expectApiFailure(promise: Promise<unknown>, apiKey: string): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ApiError)
  const apiError = error as ApiError
  expect(apiError.message).not.toContain(apiKey)
  expect(JSON.stringify(apiError.details)).not.toContain(apiKey)
  return apiError
}
