/** The person fields, shared by the add-member and edit forms. */
import { Checkbox, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/index.tsx';
import { genders, optionsOf, personCategories } from './options.ts';

export function PersonFields() {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item label={t('member.code')} name="code" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('member.name')} name="name" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('member.gender')} name="gender">
          <Select allowClear options={optionsOf(t, 'gender', genders)} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('member.birthDate')} name="birthDate">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('member.personCategory')} name="personCategory" rules={[{ required: true }]}>
          <Select options={optionsOf(t, 'personCategory', personCategories)} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('member.unit')} name="unit">
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('member.title')} name="title">
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('member.phone')} name="phone">
          <Input maxLength={30} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('member.email')} name="email" rules={[{ type: 'email' }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="leadingCadre" valuePropName="checked" label=" " colon={false}>
          <Checkbox>{t('member.leadingCadre')}</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}
