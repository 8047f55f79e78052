//! The byte entry (`plan_sync_bytes`, `planSyncBytes`): the same plan as the text entry, byte for byte, and
//! a typed error naming the offset for bytes that are not UTF-8.

use ledgerbridge::{plan_sync_bytes, plan_sync_json, InputErrorKind};

const INPUT: &str = r#"{
  "monite": { "counterparts": [
    { "id": "m1", "organization": { "legal_name": "Müller & Söhne GmbH" } },
    { "id": "m2", "organization": { "legal_name": "Ελληνική Εταιρεία" } },
    { "id": "m3", "individual": { "first_name": "太郎", "last_name": "山田" } } ] },
  "accounting": { "counterparts": [
    { "id": "a1", "name": "MÜLLER & SÖHNE G.m.b.H.", "kind": "vendor" },
    { "id": "a2", "name": "ΕΛΛΗΝΙΚΉ ΕΤΑΙΡΕΊΑ", "kind": "customer" } ] }
}"#;

#[test]
fn bytes_give_the_text_entrys_plan() {
    let from_bytes = plan_sync_bytes(INPUT.as_bytes()).expect("valid input");
    let from_text = plan_sync_json(INPUT).expect("valid input");
    assert_eq!(from_bytes, from_text.into_bytes());
}

#[test]
fn bytes_that_are_not_utf8_name_the_first_bad_byte() {
    let mut bytes = INPUT.as_bytes().to_vec();
    let at = INPUT.find("GmbH").expect("in the input");
    bytes[at] = 0xff;
    let error = plan_sync_bytes(&bytes).expect_err("not UTF-8");
    assert_eq!(error.kind, InputErrorKind::InvalidJson);
    assert_eq!(error.path, "");
    assert_eq!(error.message, format!("not UTF-8 text: byte {at} starts an invalid sequence"));
    // A sequence cut short at the end is named the same way.
    let error = plan_sync_bytes(&INPUT.as_bytes()[..INPUT.find('ü').expect("in the input") + 1]).expect_err("cut");
    assert!(error.message.starts_with("not UTF-8 text: byte "), "{}", error.message);
}
