import type { TrustList } from '../eac/passive-authentication.js';

/**
 * The trust anchor of AusweisApp's Simulator card — for tests and demos only, never production.
 *
 * The Simulator's EF.CardSecurity (AusweisApp src/card/simulator/SimulatorFileSystem.cpp) is
 * signed by "TEST Document Signer Identity Documents" (serial 04D5), issued by the BSI's test
 * CSCA "C=DE, O=bund, OU=bsi, CN=TEST csca-germany", serial 04B0 (brainpoolP512r1, valid
 * 2018-12-03 to 2032-09-03, subject key identifier 539DB187…9B3B = the DS's authority key
 * identifier). This is that CSCA certificate as Governikus ships it in the eIDAS middleware's
 * tests: github.com/Governikus/eidas-middleware, poseidas/src/test/resources/DE_TEST_CSCA_2018_12.cer
 * (SHA-256 7b8e343c…d33f2b). It signs test documents only; real ID cards chain to the
 * production CSCA "csca-germany", which a production trust list must hold instead.
 */
export const simulatorCscaCertificate: Buffer = Buffer.from(
  [
    'MIIFOzCCBJ6gAwIBAgICBLAwCgYIKoZIzj0EAwQwRjELMAkGA1UEBhMCREUxDTALBgNVBAoMBGJ1bmQxDDAKBgNV',
    'BAsMA2JzaTEaMBgGA1UEAwwRVEVTVCBjc2NhLWdlcm1hbnkwHhcNMTgxMjAzMDYzMzUwWhcNMzIwOTAzMjM1OTU5',
    'WjBGMQswCQYDVQQGEwJERTENMAsGA1UECgwEYnVuZDEMMAoGA1UECwwDYnNpMRowGAYDVQQDDBFURVNUIGNzY2Et',
    'Z2VybWFueTCCAjgwggGvBgcqhkjOPQIBMIIBogIBATBMBgcqhkjOPQEBAkEAqt2duNvpxIs/1OauM8n8B8swjbOz',
    'ydIO1mOcynAzCHF9TZsAm8ZoQq7NoSrmo4DmKIH/Ly2CxoUoqmBWWDpI8zCBhARAeDCjMYtgO4niMnFFrCNMxZTL',
    '3Y09+RYQqDRByuqYY7wt7V1aqCU6oQou8cmLmsi1fxEXpyvyx7nnwaxNd/yUygRAPfkWEKg0QcrqmGO8Le1dWqgl',
    'OqEKLvHJi5rItX8RF6cr8se558GsTXf8lMrcCD5nmEBQt1665d0oCb1jgBb3IwSBgQSBruS92C7ZZFohMi6cTGqT',
    'he2fcLXZFsG0O2Lu9NAJjv87H3ji0NSNUNFoe5O5fV98bVBHQGpeaIs1Igm8ufgifd44XVZjMuzA6r+pz3gi/fIJ',
    '9wAkpXsaoADFW4gfgRGy3N5JSl9IXlvKS9iKJ2Ou0corL6jwVAZ4zR4POtgIkgJBAKrdnbjb6cSLP9TmrjPJ/AfL',
    'MI2zs8nSDtZjnMpwMwhwVT5cQUypJhlBhmEZf6wQRx2x04EIXdrdtYeWgpypAGkCAQEDgYIABC6SZnzSfg27pu1R',
    'wOndsb1g2fyf1DB3E7XTZSHYUZSura1FAhGcal9Fc3GZCPqHsCP/iya+g2v6DCn0LdsK0jMDcvd0QV9hCj4dbgL1',
    '/rHp3zqB9eVxLJLgRPvmlXA8l7aGZmIkRUqriqxqSZTkJM7xc2pr+IsgaXfWRE5QcbDUo4IBmTCCAZUwHQYDVR0O',
    'BBYEFFOdsYcqrJGT12OS7oDZ5Zls+Zs7MA4GA1UdDwEB/wQEAwIBBjArBgNVHRAEJDAigA8yMDE4MTIwMzA2MzM1',
    'MFqBDzIwMjIwMjAzMjM1OTU5WjAWBgNVHSAEDzANMAsGCQQAfwAHAwEBATBRBgNVHREESjBIgRhjc2NhLWdlcm1h',
    'bnlAYnNpLmJ1bmQuZGWGHGh0dHBzOi8vd3d3LmJzaS5idW5kLmRlL2NzY2GkDjAMMQowCAYDVQQHDAFEMFEGA1Ud',
    'EgRKMEiBGGNzY2EtZ2VybWFueUBic2kuYnVuZC5kZYYcaHR0cHM6Ly93d3cuYnNpLmJ1bmQuZGUvY3NjYaQOMAwx',
    'CjAIBgNVBAcMAUQwEgYDVR0TAQH/BAgwBgEB/wIBADA1BgNVHR8ELjAsMCqgKKAmhiRodHRwOi8vd3d3LmJzaS5i',
    'dW5kLmRlL3Rlc3RfY3NjYV9jcmwwDQYHZ4EIAQEGAQQCBQAwHwYDVR0jBBgwFoAUU52xhyqskZPXY5LugNnlmWz5',
    'mzswCgYIKoZIzj0EAwQDgYoAMIGGAkEAqFl+bu61fyYn3/roYr1UH7PTUSD4C6rapXsN4lkxkoQRRTjah/u0ZGr4',
    'MFiHvKcUwGbT9tQSL9IlLl9yAz0y1AJBAIDU4qD8a4ie5YVGdUqF6BxbbssvqgfcmvCnQdjADDVaBVgdMzNy3Rn8',
    'qFsJisUNPUAtBwa8pAeVJ7o1RIYmYj4=',
  ].join(''),
  'base64',
);

export const simulatorTrustList: TrustList = { certificates: [simulatorCscaCertificate] };
