package cn.gov.eqq.govinfo.adoption.record.application;

/** adoption-tracking has not heard of this item from intake (wrong id, or intake's event is still on its way). */
public class ItemNotKnown extends RuntimeException {

    public ItemNotKnown(String itemId) {
        super("找不到信息 " + itemId + "（编号有误，或报送系统的消息尚未同步）");
    }
}
