package io.smsim.calibrate;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * Standard errors of fitted parameters by the sandwich formula of weighted least squares
 * (White 1980; for simulated moments, Gouriéroux &amp; Monfort, "Simulation-Based Econometric
 * Methods", 1996, ch. 2):
 * <pre>
 *   Cov(θ̂) = A⁻¹ B A⁻¹,   A = JᵀWJ,   B = JᵀW Σ W J
 *   Σ = (1 + 1/n)·S + U
 * </pre>
 * J is the Jacobian of the facts' replication means in the parameters at the fit (central
 * differences under common random numbers), W = diag(1/v_i) the weights the fit used, S the
 * covariance of the facts' metrics between replications (an incident is one draw: its facts vary
 * together, e.g. start and detection), 1/n·S the noise of the n-replication means the fit matched
 * (the simulation-error factor of simulated moments), and U = diag(u_i²) the facts' own
 * uncertainties. The interval is θ̂ ± z(0.975)·se. A parameter the facts do not move (A singular)
 * has no standard error.
 */
final class Uncertainty {

  static final double Z95 = 1.959963984540054;

  private Uncertainty() {
  }

  /**
   * @param jacobian [fact][parameter], d(mean of fact i)/d(parameter j) in the parameter's units
   * @param variance v_i, the weights' variances
   * @param factValues [replication][fact] at the fit
   * @param uncertainty u_i
   * @return per parameter the standard error, NaN when it is not determined
   */
  static double[] standardErrors(double[][] jacobian, double[] variance, double[][] factValues, double[] uncertainty) {
    int k = variance.length;
    int p = jacobian[0].length;
    RealMatrix j = MatrixUtils.createRealMatrix(jacobian);
    RealMatrix w = MatrixUtils.createRealDiagonalMatrix(inverse(variance));
    RealMatrix sigma = covariance(factValues, variance, uncertainty).scalarMultiply(1 + 1.0 / factValues.length);
    for (int i = 0; i < k; i++) {
      sigma.addToEntry(i, i, uncertainty[i] * uncertainty[i]);
    }
    RealMatrix a = j.transpose().multiply(w).multiply(j);
    double[] se = new double[p];
    LUDecomposition lu = new LUDecomposition(a, 1e-12);
    if (!lu.getSolver().isNonSingular() || !finite(a)) {
      java.util.Arrays.fill(se, Double.NaN);
      return se;
    }
    RealMatrix aInv = lu.getSolver().getInverse();
    RealMatrix b = j.transpose().multiply(w).multiply(sigma).multiply(w).multiply(j);
    RealMatrix cov = aInv.multiply(b).multiply(aInv);
    for (int q = 0; q < p; q++) {
      double v = cov.getEntry(q, q);
      boolean moves = false;
      for (int i = 0; i < k; i++) {
        moves |= jacobian[i][q] != 0;
      }
      se[q] = moves && v >= 0 ? Math.sqrt(v) : Double.NaN;
    }
    return se;
  }

  /**
   * The facts' covariance between replications, over the replications where every fact applies;
   * with fewer than two such, the diagonal of each fact's own variance (from {@code variance}
   * less its uncertainty).
   */
  private static RealMatrix covariance(double[][] values, double[] variance, double[] uncertainty) {
    int k = variance.length;
    double[][] complete = java.util.Arrays.stream(values).filter(Uncertainty::allFinite).toArray(double[][]::new);
    if (complete.length >= 2) {
      return k == 1 ? MatrixUtils.createRealMatrix(new double[][] {{variance(complete)}})
          : new Covariance(complete).getCovarianceMatrix();
    }
    double[] diag = new double[k];
    for (int i = 0; i < k; i++) {
      diag[i] = Math.max(0, variance[i] - uncertainty[i] * uncertainty[i]);
    }
    return MatrixUtils.createRealDiagonalMatrix(diag);
  }

  private static double variance(double[][] column) {
    double mean = 0;
    for (double[] r : column) {
      mean += r[0];
    }
    mean /= column.length;
    double ss = 0;
    for (double[] r : column) {
      ss += (r[0] - mean) * (r[0] - mean);
    }
    return ss / (column.length - 1);
  }

  private static boolean allFinite(double[] row) {
    for (double v : row) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static boolean finite(RealMatrix m) {
    for (double[] row : m.getData()) {
      if (!allFinite(row)) {
        return false;
      }
    }
    return true;
  }

  private static double[] inverse(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = 1 / v[i];
    }
    return out;
  }
}
