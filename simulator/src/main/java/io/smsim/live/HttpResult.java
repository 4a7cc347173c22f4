package io.smsim.live;

import java.nio.charset.StandardCharsets;

/**
 * How an HTTP exchange of {@link LoopbackHttpClient} ended: a response (status and body), or a
 * transport failure that says whether the peer refused, dropped, or never answered.
 */
record HttpResult(Failure failure, int status, byte[] body) {

  /** Transport-level failures, each a different story for the caller. */
  enum Failure {
    /** A response arrived. */
    NONE,
    /** The connection was refused (nothing listens: the server's hardware failed). */
    REFUSED,
    /** The connection closed before the response (the server died with the request). */
    CLOSED,
    /** No response within the deadline. */
    TIMEOUT,
    /** The client's own bounds were hit (too many connections or waiting requests). */
    OVERLOADED,
    /** Any other I/O error. */
    ERROR
  }

  static HttpResult response(int status, byte[] body) {
    return new HttpResult(Failure.NONE, status, body);
  }

  static HttpResult failed(Failure failure) {
    return new HttpResult(failure, 0, new byte[0]);
  }

  boolean ok() {
    return failure == Failure.NONE && status >= 200 && status < 300;
  }

  /** {@code HTTP 500} or the failure in lower case ({@code refused}, {@code timeout} ...). */
  String describe() {
    return failure == Failure.NONE ? "HTTP " + status : failure.name().toLowerCase(java.util.Locale.ROOT);
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
