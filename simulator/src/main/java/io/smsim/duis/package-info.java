/**
 * The DUIS XML codec: parse, validate and build the DCC User Interface Specification messages that
 * {@code smsim serve} answers and {@code smsim load} sends.
 *
 * <p>DUIS facts encoded here (sources in each class): requests are {@code sr:Request} in namespace
 * {@code http://www.dccinterface.co.uk/ServiceUserGateway} with a header of RequestID
 * ({@code originatorEUI64:targetEUI64:counter}), CommandVariant, ServiceReference and
 * ServiceReferenceVariant; the command variant selects the web service ({@link io.smsim.duis.Endpoint});
 * the DSP answers synchronously with an acknowledgement (I99) or an error, and later POSTs the final
 * {@code sr:Response} (I0 or an error, {@link io.smsim.duis.ResponseCode}).
 *
 * <p>Entry points: {@link io.smsim.duis.DuisRequestParser}, {@link io.smsim.duis.DuisRequestBuilder},
 * {@link io.smsim.duis.DuisResponseParser}, {@link io.smsim.duis.DuisResponseBuilder}. All are
 * immutable, thread-safe, and build no DOM. Untrusted input is parsed under {@code HardenedXml}'s
 * defences (no DTD, no entities, bounded size and depth).
 *
 * <p>Layer 2 (beside {@code metrics} and {@code workload}). May import: {@code model}.
 */
package io.smsim.duis;
