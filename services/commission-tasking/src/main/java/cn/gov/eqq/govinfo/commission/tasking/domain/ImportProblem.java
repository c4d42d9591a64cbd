package cn.gov.eqq.govinfo.commission.tasking.domain;

/** Why one entry of an import cannot be taken: where (e.g. {@code 第2条约稿.答复第1条.itemId}) and why, in Chinese. */
public record ImportProblem(String where, String message) {
}
