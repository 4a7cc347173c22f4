/**
 * {@code smsim load} and {@code smsim failover-bench}: an open-model DUIS load generator on Netty
 * and a failover benchmark built on it, of the emulation in-process ({@link io.smsim.load.FailoverBench})
 * or of the user's own system with their fault commands ({@link io.smsim.load.ExternalBench}); both
 * time the outage with one definition ({@link io.smsim.load.Outage}).
 *
 * <p><b>Open model, free of coordinated omission.</b> An {@link io.smsim.load.ArrivalSchedule}
 * fixes every request's intended send time in advance (constant rate, Poisson, or a scenario's
 * workload profile compressed in time); event-loop timers dispatch the requests and never wait for
 * responses. A request that cannot go out on time (every connection busy) waits in a bounded
 * backlog and is sent as soon as a connection frees, and its latency is still measured from its
 * intended time, as wrk2 does (Gil Tene, "How NOT to measure latency", 2015). Late sends and the
 * worst lateness are reported; past {@code --max-in-flight} requests are refused on the client
 * ({@code client:overload}), counted, never silently dropped.
 *
 * <p><b>Accounting</b>, in the spirit of Jepsen's checkers: every request ends as exactly one
 * outcome (ok, error(code), timeout) and the identity {@code total = ok + errors + timeouts +
 * in flight} is checked and printed. Requests acknowledged (I99) whose final response never came
 * are <i>lost</i>; a second answer to a finished request is <i>duplicated</i>; both are listed by
 * RequestID. Per-request state is kept only while a request awaits its outcome
 * ({@link io.smsim.load.PendingRing}); after that only requests that ended unanswered are
 * remembered ({@link io.smsim.load.Unanswered}), so memory follows the rate, the timeout and the
 * failures, not the number of requests.
 *
 * <p><b>Measurements</b> go to HdrHistogram {@code Recorder}s (acknowledgement and end-to-end
 * latency, in microseconds), sampled every second into an interval log ({@code results.hlog}) and
 * per-second series for the console, {@code summary.json} and {@code report.html}.
 *
 * <p>Layer 7 (the failover bench starts {@code serve} in-process; the report pages are
 * {@code report}'s). May import: {@code live}, {@code report}, {@code analysis}, {@code scenario},
 * {@code workload}, {@code metrics}, {@code duis.xmldsig}, {@code duis}, {@code model},
 * {@code engine}, {@code output}.
 */
package io.smsim.load;
