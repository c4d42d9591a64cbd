package cn.gov.eqq.govinfo.platform.problem;

/** Stands in for the platform's HTTP problem type, which test-support cannot depend on. */
public class StandInProblem extends RuntimeException {
}
