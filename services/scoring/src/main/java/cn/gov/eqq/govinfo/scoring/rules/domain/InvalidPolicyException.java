package cn.gov.eqq.govinfo.scoring.rules.domain;

import java.util.List;

/** A policy version was refused; {@link #problems()} are Chinese sentences for the administrator. */
public class InvalidPolicyException extends RuntimeException {

    private final List<String> problems;

    public InvalidPolicyException(List<String> problems) {
        super("积分标准无效：" + String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
