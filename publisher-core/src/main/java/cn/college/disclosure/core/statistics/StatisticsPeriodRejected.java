package cn.college.disclosure.core.statistics;

/**
 * A statistics request named a period the product cannot answer: a year outside the data, a
 * malformed or reversed range. {@link #field()} names the offending parameter.
 */
public class StatisticsPeriodRejected extends RuntimeException {

    private final String field;

    StatisticsPeriodRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
