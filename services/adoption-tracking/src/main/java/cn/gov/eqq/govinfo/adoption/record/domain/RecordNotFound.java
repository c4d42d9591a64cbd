package cn.gov.eqq.govinfo.adoption.record.domain;

/** No such record on this item. */
public class RecordNotFound extends RuntimeException {

    public RecordNotFound(String itemId, String recordId) {
        super("信息 " + itemId + " 没有编号为 " + recordId + " 的采用或批示记录");
    }
}
