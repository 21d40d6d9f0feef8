/** The TR-03130 eID web service that eServices call: useID, getResult, getServerInfo. */
export { SoapError, type SoapErrorCode } from './soap-error.js';
export { EID_NAMESPACE, eidResultMinor } from './soap-names.js';
export {
  ESERVICE_MAX_BYTES,
  type EServiceRequest,
  type GetResultRequest,
  type PresharedKey,
  type UseIdRequest,
  parseEServiceRequest,
} from './soap-requests.js';
export {
  getResultResponse,
  getServerInfoResponse,
  type ServerInfo,
  soapFault,
  type UseIdAnswer,
  useIdErrorResponse,
  useIdResponse,
} from './soap-responses.js';
